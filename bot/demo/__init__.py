"""``kindcall demo``: a whole campaign on embedded defaults against simulated callees."""
