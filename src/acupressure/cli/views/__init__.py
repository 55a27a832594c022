"""What the terminal shows and asks: Rich views of plans and sessions, the questions, and the
terminal's devices (keys in cbreak mode, the espeak-ng voice). Commands call these; nothing
here decides what to plan or save."""
