// The lead's admin page, served by the team server at /admin: the team's figures per rep, the offender list (search,
// remove, undo proposals), publishing a pack version and issuing rep tokens. One self-contained page, Chinese first
// with English beside it; the lead pastes their token, which stays in this tab only (sessionStorage).
import { TEAM_PATHS } from '../../shared/team/wire.ts'

export const ADMIN_PAGE = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>群卫团队管理 · QunGuard team admin</title>
<style>
body{font:14px/1.5 system-ui,"Noto Sans CJK SC",sans-serif;margin:24px;max-width:1100px;color:#222}
table{border-collapse:collapse;width:100%;margin:8px 0 24px}td,th{border-bottom:1px solid #ddd;padding:4px 8px;text-align:left}
section{margin-bottom:28px}input,textarea,select{font:inherit}textarea{width:100%;height:160px}.error{color:#b00}code{background:#f4f4f4}
</style></head><body>
<h1>群卫团队管理 <small>QunGuard team admin</small></h1>
<p><label>组长令牌 Lead token <input id="token" type="password" size="50"></label> <button id="load">进入 Open</button>
<span id="status" class="error"></span></p>
<section><h2>成员数据 Reps</h2><table id="reps"><thead><tr><th>名称 Name</th><th>角色 Role</th><th>群数 Groups</th>
<th>违规 Offences</th><th>移出 Removals</th><th>准确率 Precision</th><th>更新 Reported</th></tr></thead><tbody></tbody></table>
<p><label>新成员 New rep <input id="repName"></label> <select id="repRole"><option value="rep">rep</option><option value="lead">lead</option></select>
<button id="issue">生成令牌 Issue token</button> <code id="issued"></code></p></section>
<section><h2>团队违规名单 Known offenders (<span id="count">0</span>)</h2>
<p><input id="search" placeholder="搜索 Search"> <button id="find">搜索 Search</button></p>
<table id="offenders"><thead><tr><th>成员 Member</th><th>规则与原因 Rule, reason</th><th>记录者 By</th><th>撤销请求 Undo proposed</th><th></th></tr></thead><tbody></tbody></table></section>
<section><h2>发布规则包 Publish a rule pack</h2>
<p><label>名称 Name <input id="packName"></label> <label>说明 Notes <input id="packNotes" size="50"></label></p>
<textarea id="packRules">[{"name":"加微信","match":"~微信 | vx","action":"warn"}]</textarea>
<p><button id="publish">发布新版本 Publish next version</button> <span id="published"></span></p></section>
<script>
const $ = (id) => document.getElementById(id)
const token = () => sessionStorage.getItem('qunguardTeamToken') || ''
async function call(method, path, body) {
  const res = await fetch(path, { method, headers: { Authorization: 'Bearer ' + token(), 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body) })
  const wire = await res.json()
  if (!wire.ok) throw new Error(wire.error.message)
  return wire.result
}
function cell(row, text) { const td = document.createElement('td'); td.textContent = text == null ? '' : String(text); row.appendChild(td); return td }
function fill(tableId, items, columns) {
  const body = $(tableId).querySelector('tbody'); body.replaceChildren()
  for (const item of items) { const row = document.createElement('tr'); columns(item, row); body.appendChild(row) }
}
const when = (ms) => ms ? new Date(ms).toLocaleString() : ''
async function refresh() {
  $('status').textContent = ''
  try {
    const overview = await call('GET', ${JSON.stringify(TEAM_PATHS.overview)})
    $('count').textContent = overview.offenders
    fill('reps', overview.reps, (rep, row) => {
      const f = rep.figures || {}
      cell(row, rep.name + (rep.revoked ? ' (已停用 revoked)' : '')); cell(row, rep.role); cell(row, f.groups); cell(row, f.offences)
      cell(row, f.removals); cell(row, f.precision == null ? '' : Math.round(f.precision * 100) + '%'); cell(row, when(f.reportedAt))
    })
    const search = $('search').value.trim()
    const offenders = await call('GET', ${JSON.stringify(TEAM_PATHS.offenders)} + (search ? '?search=' + encodeURIComponent(search) : ''))
    fill('offenders', offenders, (entry, row) => {
      cell(row, (entry.memberName || '') + ' ' + entry.memberKey)
      cell(row, entry.entries.map((e) => (e.rule || '') + (e.reason ? ': ' + e.reason : '')).join(' / '))
      cell(row, [...new Set(entry.entries.map((e) => e.author))].join(', '))
      cell(row, entry.undoProposedBy.join(', '))
      const button = document.createElement('button'); button.textContent = '移出名单 Remove'
      button.onclick = () => call('POST', ${JSON.stringify(TEAM_PATHS.removeOffender)}, { memberKey: entry.memberKey }).then(refresh, show)
      cell(row, '').appendChild(button)
    })
  } catch (error) { show(error) }
}
function show(error) { $('status').textContent = error.message }
$('load').onclick = () => { sessionStorage.setItem('qunguardTeamToken', $('token').value.trim()); $('token').value = ''; refresh() }
$('find').onclick = refresh
$('issue').onclick = () => call('POST', ${JSON.stringify(TEAM_PATHS.tokens)}, { name: $('repName').value, role: $('repRole').value })
  .then((r) => { $('issued').textContent = r.token; refresh() }, show)
$('publish').onclick = () => {
  let rules; try { rules = JSON.parse($('packRules').value) } catch { return show(new Error('规则不是有效的 JSON / the rules are not valid JSON')) }
  call('POST', ${JSON.stringify(TEAM_PATHS.packs)}, { name: $('packName').value, rules, notes: $('packNotes').value || null })
    .then((r) => { $('published').textContent = 'v' + r.version }, show)
}
if (token()) refresh()
</script></body></html>
`
