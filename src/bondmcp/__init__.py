"""bondmcp: self-hostable health AI."""
