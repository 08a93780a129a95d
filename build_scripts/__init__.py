"""Build steps for the site: bank-holiday table, wheel, Pyodide runtime, forms, citations."""
