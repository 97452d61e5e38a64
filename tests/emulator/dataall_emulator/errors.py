"""data.all's exceptions (backend/dataall/base/db/exceptions.py), with their texts.

data.all builds most messages from triple-quoted f-strings, so they start with a newline and
carry indentation; clients trim them and match on the "(Code)" token. We reproduce that shape.
"""


def _triple(*lines):
    return "\n" + "".join("            %s\n" % line for line in lines) + "        "


class DataallError(Exception):
    text = ""

    def __str__(self):
        return self.text


class UnauthorizedOperation(DataallError):
    def __init__(self, action, message):
        super().__init__(action, message)
        self.text = _triple(
            "An error occurred (UnauthorizedOperation) when calling %s operation:" % action,
            message)


class ResourceUnauthorized(UnauthorizedOperation):
    def __init__(self, username, action, resource_uri):
        super().__init__(action, "User: %s is not authorized to perform: %s on resource: %s"
                         % (username, action, resource_uri))


class TenantUnauthorized(UnauthorizedOperation):
    def __init__(self, username, action, tenant="dataall"):
        super().__init__(action, "User: %s is not authorized to perform: %s on %s"
                         % (username, action, tenant))


class ObjectNotFound(DataallError):
    def __init__(self, type_name, uri):
        super().__init__(type_name, uri)
        self.text = _triple("An error occurred (ResourceNotFound):",
                            "Resource %s with URI %s not found" % (type_name, uri))


class RequiredParameter(DataallError):
    def __init__(self, param):
        super().__init__(param)
        self.text = _triple("An error occurred (RequiredParameter): %s is required" % param)


class AWSResourceNotFound(DataallError):
    def __init__(self, action, message):
        super().__init__(action, message)
        self.text = _triple(
            "An error occurred (AWSResourceNotFound) when calling %s operation:" % action,
            message)


class InvalidInput(DataallError):
    def __init__(self, param, value, constraint):
        super().__init__(param, value, constraint)
        self.text = _triple(
            "An error occurred (InvalidInput): %s %s must be %s" % (param, value, constraint))
