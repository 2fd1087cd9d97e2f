"""Crawler and dataset builder for the friendship section (Hữu nghị) of thoidai.com.vn."""

__version__ = "0.1.0"
