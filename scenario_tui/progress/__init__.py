"""The learner's record: the store, statistics, export and import, the review schedule."""
