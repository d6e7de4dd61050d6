"""Print layouts: pages composed around the shared map renderer, PDF/PNG export, atlases."""
