"""The chronological timeline: events from the text and the figures' data."""
