// What is wrong with a command line, in Chinese: CLI11 reports a mistake
// as an English sentence in an exception of one type per kind of mistake;
// this turns each kind into a sentence for the clerk, naming the closest
// command or option to a misspelt one, and where the help is.
#pragma once

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

namespace duban {

/// The message for parse error `e` of `program` (after parse() threw),
/// every line ending in a newline.
std::string usage_error_message(const CLI::App& program, const CLI::ParseError& e);

/// A validator that accepts one of `values` and otherwise lists them in
/// Chinese; its description is empty, as help lists the values in the
/// option's description.
CLI::Validator one_of(std::vector<std::string> values);

}  // namespace duban
