"""Exporters to other formats (GDELT GKG 2.1 field syntax)."""
