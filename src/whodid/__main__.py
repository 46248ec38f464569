from whodid.cli import run

run()
