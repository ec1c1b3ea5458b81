"""H5P packages: validation and extraction of uploaded `.h5p` files, a package builder, and our own content type."""
