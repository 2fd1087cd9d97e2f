"""Spiders: they only navigate; extraction lives in `friendship_crawler.extract`."""
