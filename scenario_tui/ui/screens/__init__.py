"""The app's screens: catalogue, play, debrief, help and the replay dialog."""
