#include "cli/cli.h"

int main(int argc, char** argv) { return ta::run_cli(argc, argv); }
