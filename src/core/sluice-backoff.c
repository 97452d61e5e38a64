/* sluice-backoff.c: one timer policy for everything that follows a server
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sluice-backoff"

#include "config.h"

#include "sluice-backoff.h"

/**
 * SluiceBackoff:
 *
 * A one-shot timer whose interval starts at #SluiceBackoff:initial-interval, doubles with
 * each sluice_backoff_back_off() up to #SluiceBackoff:max-interval and goes back with
 * sluice_backoff_reset(). It emits #SluiceBackoff::tick once per sluice_backoff_start(), on
 * the main context that was the thread's default when it was made; whoever follows the server
 * starts it again once the request is answered, so that a slow server is never asked twice at
 * once. data.all's firewall counts every request: every follower uses this one policy.
 *
 * The pipelines list checks the server every minute and backs off when refused:
 * |[<!-- language="C" -->
 * check = sluice_backoff_new (60 * 1000, 16 * 60 * 1000);
 * // answered: sluice_backoff_reset (check); refused (403, 429): sluice_backoff_back_off (check);
 * // then, either way: sluice_backoff_start (check);
 * ]|
 * A busy stack is looked at after 5 s, then twice as long each time, at most a minute apart,
 * and from 5 s again after a change:
 * |[<!-- language="C" -->
 * follow = sluice_backoff_new (5 * 1000, 60 * 1000);
 * // still busy: if (!sluice_backoff_is_scheduled (follow) && !requesting)
 * //               { sluice_backoff_start (follow); sluice_backoff_back_off (follow); }
 * // a change:   sluice_backoff_stop (follow); sluice_backoff_reset (follow); then as above
 * ]|
 */

struct _SluiceBackoff
{
  GObject       parent_instance;

  GMainContext *context;
  GSource      *source;
  guint         initial;       /* msec */
  guint         max;           /* msec */
  guint         interval;      /* msec, what the next start waits */
  gint64        due;           /* monotonic µs of the next tick, 0: none scheduled */
  gboolean      paused;
};

G_DEFINE_FINAL_TYPE (SluiceBackoff, sluice_backoff, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_INITIAL_INTERVAL,
  PROP_MAX_INTERVAL,
  PROP_INTERVAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  SIGNAL_TICK,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ------------------------------------------------------------------------------------------ */
/* Helpers                                                                                    */
/* ------------------------------------------------------------------------------------------ */

static void
set_interval (SluiceBackoff *self,
              guint          interval)
{
  if (self->interval == interval)
    return;
  self->interval = interval;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INTERVAL]);
}

static void
disarm (SluiceBackoff *self)
{
  if (self->source == NULL)
    return;
  g_source_destroy (self->source);
  g_clear_pointer (&self->source, g_source_unref);
}

static gboolean
tick_cb (gpointer user_data)
{
  SluiceBackoff *self = user_data;

  g_clear_pointer (&self->source, g_source_unref);
  self->due = 0;
  g_signal_emit (self, signals[SIGNAL_TICK], 0);
  return G_SOURCE_REMOVE;
}

/* Arms the source to tick @wait milliseconds from now, unless paused. */
static void
arm (SluiceBackoff *self,
     gint64         wait)
{
  disarm (self);
  if (self->paused || self->due == 0)
    return;

  if (wait <= 0)
    self->source = g_idle_source_new ();
  else if (wait % 1000 == 0)
    /* Whole seconds: let GLib wake up with the system's other second timers. */
    self->source = g_timeout_source_new_seconds ((guint) (wait / 1000));
  else
    self->source = g_timeout_source_new ((guint) wait);
  g_source_set_priority (self->source, wait <= 0 ? G_PRIORITY_DEFAULT_IDLE : G_PRIORITY_DEFAULT);
  g_source_set_static_name (self->source, "[sluice] backoff");
  g_source_set_callback (self->source, tick_cb, self, NULL);
  g_source_attach (self->source, self->context);
}

static void
schedule (SluiceBackoff *self,
          guint          msec)
{
  self->due = g_get_monotonic_time () + (gint64) msec * 1000;
  arm (self, msec);
}

/* ------------------------------------------------------------------------------------------ */
/* GObject                                                                                    */
/* ------------------------------------------------------------------------------------------ */

static void
sluice_backoff_constructed (GObject *object)
{
  SluiceBackoff *self = SLUICE_BACKOFF (object);

  G_OBJECT_CLASS (sluice_backoff_parent_class)->constructed (object);

  self->initial = MAX (self->initial, 1);
  self->max = MAX (self->max, self->initial);
  self->interval = self->initial;
}

static void
sluice_backoff_dispose (GObject *object)
{
  SluiceBackoff *self = SLUICE_BACKOFF (object);

  disarm (self);
  self->due = 0;

  G_OBJECT_CLASS (sluice_backoff_parent_class)->dispose (object);
}

static void
sluice_backoff_finalize (GObject *object)
{
  SluiceBackoff *self = SLUICE_BACKOFF (object);

  g_clear_pointer (&self->context, g_main_context_unref);

  G_OBJECT_CLASS (sluice_backoff_parent_class)->finalize (object);
}

static void
sluice_backoff_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  SluiceBackoff *self = SLUICE_BACKOFF (object);

  switch (prop_id)
    {
    case PROP_INITIAL_INTERVAL:
      g_value_set_uint (value, self->initial);
      break;
    case PROP_MAX_INTERVAL:
      g_value_set_uint (value, self->max);
      break;
    case PROP_INTERVAL:
      g_value_set_uint (value, self->interval);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sluice_backoff_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  SluiceBackoff *self = SLUICE_BACKOFF (object);

  switch (prop_id)
    {
    case PROP_INITIAL_INTERVAL:
      self->initial = g_value_get_uint (value);
      break;
    case PROP_MAX_INTERVAL:
      self->max = g_value_get_uint (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sluice_backoff_class_init (SluiceBackoffClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = sluice_backoff_constructed;
  object_class->dispose = sluice_backoff_dispose;
  object_class->finalize = sluice_backoff_finalize;
  object_class->get_property = sluice_backoff_get_property;
  object_class->set_property = sluice_backoff_set_property;

  /**
   * SluiceBackoff:initial-interval:
   *
   * The first wait, and the one after sluice_backoff_reset(), in milliseconds.
   */
  properties[PROP_INITIAL_INTERVAL] =
    g_param_spec_uint ("initial-interval", NULL, NULL, 1, G_MAXUINT, 1000,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * SluiceBackoff:max-interval:
   *
   * The longest wait backing off reaches, in milliseconds.
   */
  properties[PROP_MAX_INTERVAL] =
    g_param_spec_uint ("max-interval", NULL, NULL, 1, G_MAXUINT, 1000,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * SluiceBackoff:interval:
   *
   * What the next sluice_backoff_start() waits, in milliseconds.
   */
  properties[PROP_INTERVAL] =
    g_param_spec_uint ("interval", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SluiceBackoff::tick:
   *
   * Time to ask the server again. Emitted once per start.
   */
  signals[SIGNAL_TICK] = g_signal_new ("tick", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                       NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
sluice_backoff_init (SluiceBackoff *self)
{
  self->context = g_main_context_ref_thread_default ();
}

/* ------------------------------------------------------------------------------------------ */
/* Public API                                                                                 */
/* ------------------------------------------------------------------------------------------ */

/**
 * sluice_backoff_new:
 * @initial_msec: the first wait
 * @max_msec: the longest wait (at least @initial_msec)
 *
 * Returns: (transfer full): a timer, not started
 */
SluiceBackoff *
sluice_backoff_new (guint initial_msec,
                    guint max_msec)
{
  g_return_val_if_fail (initial_msec > 0, NULL);

  return g_object_new (SLUICE_TYPE_BACKOFF,
                       "initial-interval", initial_msec,
                       "max-interval", MAX (max_msec, initial_msec),
                       NULL);
}

guint
sluice_backoff_get_initial_interval (SluiceBackoff *self)
{
  g_return_val_if_fail (SLUICE_IS_BACKOFF (self), 0);
  return self->initial;
}

guint
sluice_backoff_get_max_interval (SluiceBackoff *self)
{
  g_return_val_if_fail (SLUICE_IS_BACKOFF (self), 0);
  return self->max;
}

guint
sluice_backoff_get_interval (SluiceBackoff *self)
{
  g_return_val_if_fail (SLUICE_IS_BACKOFF (self), 0);
  return self->interval;
}

/**
 * sluice_backoff_back_off:
 *
 * Doubles the interval, up to the maximum, for the next start; a tick already scheduled keeps
 * its time.
 */
void
sluice_backoff_back_off (SluiceBackoff *self)
{
  g_return_if_fail (SLUICE_IS_BACKOFF (self));

  set_interval (self, self->interval > self->max / 2 ? self->max : self->interval * 2);
}

/**
 * sluice_backoff_reset:
 *
 * Something changed, or the server answered again: back to the initial interval for the next
 * start.
 */
void
sluice_backoff_reset (SluiceBackoff *self)
{
  g_return_if_fail (SLUICE_IS_BACKOFF (self));

  set_interval (self, self->initial);
}

/**
 * sluice_backoff_start:
 *
 * Schedules one tick, the interval from now; a tick already scheduled is moved there.
 */
void
sluice_backoff_start (SluiceBackoff *self)
{
  g_return_if_fail (SLUICE_IS_BACKOFF (self));

  schedule (self, self->interval);
}

/**
 * sluice_backoff_start_now:
 *
 * Schedules one tick for the next idle moment (coming back after a long time away, say).
 */
void
sluice_backoff_start_now (SluiceBackoff *self)
{
  g_return_if_fail (SLUICE_IS_BACKOFF (self));

  schedule (self, 0);
}

/**
 * sluice_backoff_stop:
 *
 * Forgets the scheduled tick, if any; the interval stays as it is.
 */
void
sluice_backoff_stop (SluiceBackoff *self)
{
  g_return_if_fail (SLUICE_IS_BACKOFF (self));

  self->due = 0;
  disarm (self);
}

/**
 * sluice_backoff_is_scheduled:
 *
 * Returns: whether a tick is to come (also while paused)
 */
gboolean
sluice_backoff_is_scheduled (SluiceBackoff *self)
{
  g_return_val_if_fail (SLUICE_IS_BACKOFF (self), FALSE);
  return self->due != 0;
}

/**
 * sluice_backoff_pause:
 *
 * Holds the scheduled tick (while nobody looks, say): starting still schedules, but nothing
 * ticks until sluice_backoff_resume().
 */
void
sluice_backoff_pause (SluiceBackoff *self)
{
  g_return_if_fail (SLUICE_IS_BACKOFF (self));

  if (self->paused)
    return;
  self->paused = TRUE;
  disarm (self);
}

/**
 * sluice_backoff_resume:
 *
 * Lets the held tick come at its time, or at once if that has passed while paused.
 */
void
sluice_backoff_resume (SluiceBackoff *self)
{
  g_return_if_fail (SLUICE_IS_BACKOFF (self));

  if (!self->paused)
    return;
  self->paused = FALSE;
  arm (self, (self->due - g_get_monotonic_time ()) / 1000);
}

gboolean
sluice_backoff_is_paused (SluiceBackoff *self)
{
  g_return_val_if_fail (SLUICE_IS_BACKOFF (self), FALSE);
  return self->paused;
}
