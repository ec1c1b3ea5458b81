"""Models arrive with the courses issue."""
