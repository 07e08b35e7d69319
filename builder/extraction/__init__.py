"""The extraction: a spaCy pipeline of small components, one concern each (see ARCHITECTURE.md)."""
