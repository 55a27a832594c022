"""A signed-in person's chosen language (app label ``language``, kept)."""
