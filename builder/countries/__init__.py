"""Countries and organizations: the registry, the matcher, and the profiles."""
