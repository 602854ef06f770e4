// The small formatting rules of the interface (ui/widgets.h) that are not drawing.
#include "ui/widgets.h"

#include <gtest/gtest.h>

namespace bhabin::ui {
namespace {

TEST(FormatKm, UnderAKilometreInTensOfMetresNeverZero) {
  EXPECT_EQ(formatKm(0.0), "10 m");
  EXPECT_EQ(formatKm(0.004), "10 m");
  EXPECT_EQ(formatKm(0.114), "110 m");
  EXPECT_EQ(formatKm(0.996), "1000 m");
}

TEST(FormatKm, OneDecimalUnderTenKilometresThenWholeKilometres) {
  EXPECT_EQ(formatKm(1.0), "1.0 km");
  EXPECT_EQ(formatKm(2.44), "2.4 km");
  EXPECT_EQ(formatKm(37.4), "37 km");
}

TEST(ContactLinks, TelAndWhatsappTakeTheInternationalNumber) {
  EXPECT_EQ(telUrl("+6281234567890"), "tel:+6281234567890");
  EXPECT_EQ(whatsappUrl("+6281234567890"), "https://wa.me/6281234567890");
}

}  // namespace
}  // namespace bhabin::ui
