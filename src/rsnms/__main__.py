import signal
import sys

try:
    from . import cli
except KeyboardInterrupt:       # Ctrl-C while Python loads rsnms: the same words as later
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    print("Прервано (Ctrl+C): build/ и файлы проекта не изменены.", file=sys.stderr)
    sys.exit(1)

code = cli.main()
if cli.STOPPED:       # said so already: another Ctrl+C while Python exits would end it by the signal
    signal.signal(signal.SIGINT, signal.SIG_IGN)
sys.exit(code)
