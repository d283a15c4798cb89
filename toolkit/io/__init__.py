"""Readers: files, folders and frames to raw records, plus rejection records."""
