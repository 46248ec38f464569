from whodid.cli import app

app(prog_name="whodid")
