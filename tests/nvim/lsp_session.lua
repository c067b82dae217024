-- Drive `flake8-flatten lsp` from Neovim's built-in LSP client, headless.
-- Environment: FLT_FILE (the Python file to open), FLT_SERVER (the server command,
-- tab-separated), FLT_HOVER ("line,col", 0-based), FLT_OUT (where the JSON result goes).
-- Works with Neovim 0.7 (Debian 12: vim.lsp.start_client) and later (vim.lsp.start).
local out = os.getenv("FLT_OUT")
local result = { errors = {} }

local function finish()
  local handle = assert(io.open(out, "w"))
  handle:write(vim.fn.json_encode(result))
  handle:close()
  vim.cmd("qall!")
end

local ok, err = pcall(function()
  local file = os.getenv("FLT_FILE")
  local cmd = vim.split(os.getenv("FLT_SERVER"), "\t", { plain = true })
  local hover_line, hover_col = os.getenv("FLT_HOVER"):match("(%d+),(%d+)")
  vim.cmd("filetype on")
  vim.cmd("edit " .. vim.fn.fnameescape(file))
  local bufnr = vim.api.nvim_get_current_buf()
  result.version = tostring(vim.version().major) .. "." .. tostring(vim.version().minor)
  local config = {
    name = "flake8-flatten",
    cmd = cmd,
    root_dir = vim.fn.fnamemodify(file, ":p:h"),
    on_stderr = nil,
  }
  local client_id
  if vim.lsp.start then
    client_id = vim.lsp.start(config, { bufnr = bufnr })
  else
    client_id = vim.lsp.start_client(config)
    vim.lsp.buf_attach_client(bufnr, client_id)
  end
  result.client_id = client_id

  -- the FLT001 diagnostic, published for the unsaved buffer as opened
  vim.wait(60000, function() return #vim.diagnostic.get(bufnr) > 0 end, 50)
  result.diagnostics = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    local lsp = (d.user_data or {}).lsp or {}
    table.insert(result.diagnostics, {
      lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
      message = d.message, source = d.source, code = d.code or lsp.code,
    })
  end

  local uri = vim.uri_from_bufnr(bufnr)
  local function request(method, params)
    local responses = vim.lsp.buf_request_sync(bufnr, method, params, 20000) or {}
    for _, response in pairs(responses) do
      if response.err then table.insert(result.errors, method .. ": " .. vim.inspect(response.err)) end
      if response.result ~= nil then return response.result end
    end
    return vim.NIL
  end

  -- hover: the static summary
  local hover = request("textDocument/hover", {
    textDocument = { uri = uri },
    position = { line = tonumber(hover_line), character = tonumber(hover_col) },
  })
  result.hover = hover ~= vim.NIL and hover.contents.value or vim.NIL

  -- inlay hints (asked for directly: Neovim before 0.10 does not show them)
  result.hints = request("textDocument/inlayHint", {
    textDocument = { uri = uri },
    range = { start = { line = 0, character = 0 }, ["end"] = { line = vim.api.nvim_buf_line_count(bufnr), character = 0 } },
  })

  -- the code action for the diagnostic, applied to the buffer by Neovim itself
  local first = result.diagnostics[1]
  local actions = request("textDocument/codeAction", {
    textDocument = { uri = uri },
    range = { start = { line = first.lnum, character = first.col }, ["end"] = { line = first.end_lnum, character = first.end_col } },
    context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics and vim.lsp.diagnostic.get_line_diagnostics(bufnr, first.lnum) or {} },
  })
  result.actions = {}
  if actions ~= vim.NIL then
    for _, action in ipairs(actions) do table.insert(result.actions, action.title) end
    if actions[1] and actions[1].edit then
      vim.lsp.util.apply_workspace_edit(actions[1].edit, "utf-16")
      result.fixed = table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), "\n") .. "\n"
      -- the buffer changed: the server re-lints it, and the diagnostic goes away
      vim.wait(30000, function() return #vim.diagnostic.get(bufnr) == 0 end, 50)
      result.diagnostics_after_fix = #vim.diagnostic.get(bufnr)
    end
  end
  vim.lsp.stop_client(client_id)
end)
if not ok then table.insert(result.errors, tostring(err)) end
finish()
