"""A local stand-in for data.all's Pipelines API, its sign-in and CodeCommit.

See ../README.md for how to run it and what it answers.
"""
