# Huawu — the two commands a user needs are `make demo` and `make test`; both set themselves up.
SHELL := /bin/bash
CONFIGURATION := Release
DOTNET := DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 dotnet

.PHONY: all setup build test demo bench load clean

all: build

setup:
	@./scripts/setup.sh

build: setup
	$(DOTNET) build Huawu.slnx -c $(CONFIGURATION) --no-restore -nologo -clp:ErrorsOnly

# Every test project in parallel, then the real-peer interop tests on their own: their calls carry live audio (SIPp,
# baresip, the node's media clock, pocketsphinx), and on a 2-core machine busy with the other projects the robot
# mishears spoken callees (measured: 3 of 8 robot speech tests failed beside the Server tests, 0 of 20 alone).
test: build
	$(DOTNET) test Huawu.slnx -c $(CONFIGURATION) --no-build -nologo --filter 'FullyQualifiedName!~Huawu.Interop.Tests'
	$(DOTNET) test tests/Huawu.Interop.Tests -c $(CONFIGURATION) --no-build -nologo

# The demo needs only the huawu program: building it alone (not every test project) keeps `make demo` about a minute.
demo: setup
	$(DOTNET) build src/Huawu.Server -c $(CONFIGURATION) --no-restore -nologo -clp:ErrorsOnly
	./scripts/demo.sh

bench: build
	$(DOTNET) run --project bench/Huawu.Benchmarks -c $(CONFIGURATION) --no-build -- --filter '*' $(BENCH_ARGS)

# Load runs against a real node (bench/Huawu.LoadTests): call rate, concurrent echo calls with RTP, a campaign's dial
# rate, concurrent robot (parrot) calls with speech turns.
# Minutes long and machine-filling; pass options in LOAD_ARGS, e.g. LOAD_ARGS='rate --rates 200,400'.
load: build
	$(DOTNET) run --project bench/Huawu.LoadTests -c $(CONFIGURATION) --no-build -- $(LOAD_ARGS)

clean:
	rm -rf artifacts
