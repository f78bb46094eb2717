"""The rewrite: choose and clean the draft's own sentences, then render them through the templates."""
