"""Item pipelines, in the order they run: cleaning, then deduplication."""
