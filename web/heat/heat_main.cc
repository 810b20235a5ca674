// The page module's heat view: a GLFW window on the page's canvas (Emscripten's built-in GLFW
// and WebGL2), Dear ImGui on top, one frame per animation frame.
#include <GLFW/glfw3.h>
#include <emscripten.h>
#include <emscripten/bind.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include "wasm/engine_handle.h"
#include "web/heat/heat_view.h"

namespace {

struct HeatViewApp {
  GLFWwindow* window = nullptr;
  ddbpg::wasm::EngineHandle* engine = nullptr;
  ddbpg::heat::HeatViewState state;
};

HeatViewApp* app = nullptr;  // the one view a page has; owned for the page's lifetime

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
  // window and swallows Backspace and Tab, which would break typing in the page's editor.
  EM_ASM({
    window.removeEventListener("keydown", GLFW.onKeydown, true);
    window.removeEventListener("keypress", GLFW.onKeyPress, true);
    window.removeEventListener("keyup", GLFW.onKeyup, true);
  });
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGui::GetIO().IniFilename = nullptr;
  ImGui::StyleColorsDark();
  ImGui_ImplGlfw_InitForOpenGL(window, /*install_callbacks=*/true);
  ImGui_ImplOpenGL3_Init("#version 300 es");
  app = new HeatViewApp{window, &engine, {}};
  emscripten_set_main_loop(Frame, 0, false);
  return true;
}

}  // namespace

EMSCRIPTEN_BINDINGS(ddbpg_heat) {
  emscripten::function("_startHeatView", &StartHeatView);
}
