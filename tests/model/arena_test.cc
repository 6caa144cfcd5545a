#include "model/arena.h"

#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "model/entry.h"

namespace duban {
namespace {

TEST_CASE("a text holds its bytes, NUL and all, and compares by them") {
  const std::string source("完成摸底\0排查", 16);
  const Text t(source);
  CHECK(t.size() == source.size());
  CHECK(t.view() == source);
  CHECK(t.data()[t.size()] == '\0');  // usable as a C string
  CHECK(t == Text(std::string(source)));
  CHECK(t != Text("完成摸底"));
  CHECK(Text("乙") < Text("甲"));  // by bytes: U+4E59 before U+7532
}

TEST_CASE("the empty text takes nothing and equals every other empty text") {
  const Text none;
  CHECK(none.empty());
  CHECK(none.size() == 0);
  CHECK(std::string(none.data()).empty());
  CHECK(none == Text(""));
  CHECK(none == "");
  CHECK(!Text("x").empty());
}

TEST_CASE("assigning a text holds a new one: copies keep what they saw") {
  std::string source = "五月进展";
  Text a(source);
  const Text copy = a;
  source[0] = 'X';  // the text is a copy of the bytes, not a view of them
  a = "六月完成";
  CHECK(copy == "五月进展");
  CHECK(a == "六月完成");
}

TEST_CASE("a frozen list keeps its items in order, and with() makes a new one") {
  const Frozen<std::pair<Name, double>> none;
  CHECK(none.empty());
  CHECK(none.begin() == none.end());
  const Frozen<std::pair<Name, double>> one{{"加装电梯", 9}};
  const auto two = one.with({"改造小区", 2.5});
  REQUIRE(one.size() == 1);
  REQUIRE(two.size() == 2);
  CHECK(two[0] == std::pair<Name, double>{"加装电梯", 9});
  CHECK(two.back().second == 2.5);
  CHECK(one == Frozen<std::pair<Name, double>>(std::vector<std::pair<Name, double>>{{"加装电梯", 9}}));
  CHECK(one != two);
  CHECK(none != one);
}

TEST_CASE("held items are aligned for their type, after texts of any length") {
  for (int n = 0; n < 17; ++n) {
    const Text odd(std::string(static_cast<size_t>(n), 'a'));
    const Frozen<double> values{1.5, 2.5};
    CHECK(reinterpret_cast<uintptr_t>(values.begin()) % alignof(double) == 0);
    CHECK(values[1] == 2.5);
    CHECK(odd.size() == static_cast<size_t>(n));
  }
}

TEST_CASE("a text larger than a block is held whole") {
  const std::string big(3 << 20, 'z');
  const Text t(big);
  CHECK(t.size() == big.size());
  CHECK(t == big);
}

TEST_CASE("texts and lists held on many threads at once are each their own") {
  constexpr int kThreads = 8;
  constexpr int kEach = 20000;
  std::vector<std::vector<Entry>> made(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([t, &made] {
      for (int i = 0; i < kEach; ++i) {
        Entry e;
        e.progress = fmt::format("第{}线程第{}条", t, i);
        e.held = {{"巡查", "", {{Date::from_days(i), Date::from_days(i + t)}}}};
        made[t].push_back(e);
      }
    });
  }
  for (std::thread& th : threads) th.join();
  for (int t = 0; t < kThreads; ++t) {
    for (int i = 0; i < kEach; i += 997) {
      const Entry& e = made[t][i];
      CHECK(e.progress == fmt::format("第{}线程第{}条", t, i));
      REQUIRE(e.held.size() == 1);
      CHECK(e.held[0].spans.front() == DaySpan{Date::from_days(i), Date::from_days(i + t)});
    }
  }
}

}  // namespace
}  // namespace duban
