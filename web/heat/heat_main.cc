// The page module's heat view: a GLFW window on the page's canvas (Emscripten's built-in GLFW
// and WebGL2), Dear ImGui on top, one frame per animation frame.
#include <GLFW/glfw3.h>
#include <emscripten.h>
#include <emscripten/bind.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <string>

#include "wasm/engine_handle.h"
#include "web/heat/heat_view.h"

namespace {

struct HeatViewApp {
  GLFWwindow* window = nullptr;
  ddbpg::wasm::EngineHandle* engine = nullptr;
  ddbpg::heat::HeatViewState state;
  int width = 0;  // CSS pixels the page gives the canvas; the height follows the content
};

HeatViewApp* app = nullptr;  // the one view a page has; owned for the page's lifetime

// The smallest canvas: enough for the "pick a table" line.
constexpr int kMinimumHeight = 60;

// Resizes the canvas (and the GL framebuffer with it) to the page's width and the height the
// last frame's content needed, so the view is laid out for its size rather than scaled.
void FitCanvas() {
  int width = 0, height = 0;
  glfwGetWindowSize(app->window, &width, &height);
  const int wanted_height =
      std::max(kMinimumHeight, static_cast<int>(std::ceil(app->state.content_height)));
  if (width != app->width || std::abs(height - wanted_height) > 1) {
    glfwSetWindowSize(app->window, app->width, wanted_height);
  }
}


void Frame() {
  glfwPollEvents();
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  ImGui::NewFrame();
  ddbpg::heat::DrawHeatView(app->engine->engine(), app->state);
  ImGui::Render();
  int width = 0, height = 0;
  glfwGetFramebufferSize(app->window, &width, &height);
  glViewport(0, 0, width, height);
  glClearColor(0.11f, 0.12f, 0.15f, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  FitCanvas();
}

// Starts drawing `engine` on Module.canvas at the given size; false when WebGL2 is unavailable.
bool StartHeatView(ddbpg::wasm::EngineHandle& engine, int width, int height) {
  if (app != nullptr) return true;
  if (!glfwInit()) return false;
  glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
  GLFWwindow* window = glfwCreateWindow(width, height, "heat", nullptr, nullptr);
  if (window == nullptr) return false;
  glfwMakeContextCurrent(window);
  // The heat view needs the mouse only. Emscripten's GLFW listens to the keyboard on the whole
  // window and swallows Backspace and Tab, which would break typing in the page's editor; it
  // also cancels the mouse wheel over the canvas, which would stop the page from scrolling (the
  // view fits its content, so it has nothing to scroll itself).
  EM_ASM({
    window.removeEventListener("keydown", GLFW.onKeydown, true);
    window.removeEventListener("keypress", GLFW.onKeyPress, true);
    window.removeEventListener("keyup", GLFW.onKeyup, true);
    Module["canvas"].removeEventListener("wheel", GLFW.onMouseWheel, true);
    Module["canvas"].removeEventListener("mousewheel", GLFW.onMouseWheel, true);
  });
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGui::GetIO().IniFilename = nullptr;
  ImGui::StyleColorsDark();
  ImGui_ImplGlfw_InitForOpenGL(window, /*install_callbacks=*/true);
  ImGui_ImplOpenGL3_Init("#version 300 es");
  app = new HeatViewApp{window, &engine, {}, width};
  emscripten_set_main_loop(Frame, 0, false);
  return true;
}

// The page's current table; the view shows a note until there is one.
void SetHeatViewTable(const std::string& table) {
  if (app != nullptr) app->state.table = table;
}

// The width the page's layout gives the canvas, in CSS pixels.
void SetHeatViewWidth(int width) {
  if (app != nullptr && width > 0) app->width = width;
}

}  // namespace

EMSCRIPTEN_BINDINGS(ddbpg_heat) {
  emscripten::function("_startHeatView", &StartHeatView);
  emscripten::function("_setHeatViewTable", &SetHeatViewTable);
  emscripten::function("_setHeatViewWidth", &SetHeatViewWidth);
}
