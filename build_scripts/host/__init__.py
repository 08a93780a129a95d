"""How the built site is served: its HTTP headers (headers.py) and the nginx configuration
made from them (nginx.py)."""
