#include "headless_imgui.h"

#include <imgui_internal.h>

#include <map>

#include "ui/input_queue.h"

namespace bhabin::testing {

namespace {

struct ItemRecord {
  std::map<ImGuiID, ImRect> rects;  // from ItemAdd, this frame
  std::vector<DrawnItem> labelled;  // from ItemInfo, this frame
};
std::map<const ImGuiContext*, ItemRecord> records;

}  // namespace

HeadlessImGui::HeadlessImGui(ImVec2 displaySize) : context_(ImGui::CreateContext()) {
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  io.DisplaySize = displaySize;
  io.DeltaTime = 1.0f / 60.0f;
  unsigned char* pixels = nullptr;
  int width = 0;
  int height = 0;
  io.Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);  // a renderer would upload this; we only build it
  context_->TestEngineHookItems = true;
}

HeadlessImGui::~HeadlessImGui() {
  records.erase(context_);
  ImGui::DestroyContext(context_);
}

void HeadlessImGui::frame(const std::function<void()>& draw) {
  ImGui::SetCurrentContext(context_);
  records[context_] = {};
  ImGui::NewFrame();
  draw();
  ImGui::Render();
}

void HeadlessImGui::tap(ImVec2 point, const std::function<void()>& draw) {
  ui::InputQueue queue;
  queue.push(ui::InputEvent::pointerButton(point.x, point.y, 0, true));
  queue.push(ui::InputEvent::pointerButton(point.x, point.y, 0, false));
  for (int i = 0; i < 3; ++i) {
    queue.applyTo(ImGui::GetIO());
    frame(draw);
  }
}

std::optional<DrawnItem> HeadlessImGui::item(const std::string& label) const {
  for (const DrawnItem& drawn : records[context_].labelled) {
    if (drawn.label == label) return drawn;
  }
  return std::nullopt;
}

}  // namespace bhabin::testing

// ImGui's test-engine hooks (IMGUI_ENABLE_TEST_ENGINE is set for the native imgui library).
void ImGuiTestEngineHook_ItemAdd(ImGuiContext* context, const ImRect& bb, ImGuiID id) {
  bhabin::testing::records[context].rects[id] = bb;
}

void ImGuiTestEngineHook_ItemInfo(ImGuiContext* context, ImGuiID id, const char* label, ImGuiItemStatusFlags) {
  auto& record = bhabin::testing::records[context];
  const auto rect = record.rects.find(id);
  if (rect == record.rects.end() || label == nullptr) return;
  record.labelled.push_back({label, rect->second.Min, rect->second.Max});
}

void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}

const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext*, ImGuiID) { return nullptr; }
