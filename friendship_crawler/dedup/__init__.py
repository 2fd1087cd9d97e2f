"""Deduplication of articles within and across crawls: a pure rule, MinHash signatures, persistent state."""
