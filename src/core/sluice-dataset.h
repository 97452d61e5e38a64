/* sluice-dataset.h: an S3 dataset of data.all
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define SLUICE_TYPE_DATASET (sluice_dataset_get_type ())

G_DECLARE_FINAL_TYPE (SluiceDataset, sluice_dataset, SLUICE, DATASET, GObject)

SluiceDataset      *sluice_dataset_new_from_json          (JsonObject    *json);
gboolean            sluice_dataset_update_from_json       (SluiceDataset *self,
                                                           JsonObject    *json);

const char         *sluice_dataset_get_uri                (SluiceDataset *self);
const char         *sluice_dataset_get_label              (SluiceDataset *self);
const char         *sluice_dataset_get_name               (SluiceDataset *self);
const char         *sluice_dataset_get_description        (SluiceDataset *self);
const char * const *sluice_dataset_get_tags               (SluiceDataset *self);
const char         *sluice_dataset_get_owner              (SluiceDataset *self);
const char         *sluice_dataset_get_created            (SluiceDataset *self);
const char         *sluice_dataset_get_team               (SluiceDataset *self);
const char         *sluice_dataset_get_aws_account_id     (SluiceDataset *self);
const char         *sluice_dataset_get_region             (SluiceDataset *self);
const char         *sluice_dataset_get_s3_bucket_name     (SluiceDataset *self);
const char         *sluice_dataset_get_glue_database_name (SluiceDataset *self);
const char         *sluice_dataset_get_environment_uri    (SluiceDataset *self);
const char         *sluice_dataset_get_environment_label  (SluiceDataset *self);

G_END_DECLS
