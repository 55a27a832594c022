"""The camera page: find points on an uploaded photo, or live on the camera (issue 6)."""
