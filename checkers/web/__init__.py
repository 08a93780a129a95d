"""A checker on a web page: its form (rendered at build time), its result and "Your answers"
(rendered in the browser's Python), and links with answers filled in. `encoding` is the one
owner of how answers travel as strings and of the ids the page's elements carry."""
