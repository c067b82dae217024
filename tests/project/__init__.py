"""Project tests: architecture (imports), documentation, packaging, and the test layout itself."""
