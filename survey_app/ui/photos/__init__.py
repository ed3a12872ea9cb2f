"""Household photos: a thumbnail strip with attach-from-files, and a viewer. GUI thread unless stated."""
