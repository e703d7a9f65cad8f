#pragma once
namespace ta {
constexpr const char* kVersion = "0.1.0";
}
