"""g2l-merge: Glue to Databricks through git's own three-way merge."""

__version__ = "0.2.0"
