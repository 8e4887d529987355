"""Play state and the library as a learner sees it: engine, library, catalogue, session."""
