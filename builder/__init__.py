"""armedkg builder: from conflict reporting to an OWL knowledge graph of armed actors."""

__version__ = "0.1.0"
