// Generated from templates/simulation-report.html.mustache; do not edit.
// `KUBEGRID_UPDATE_GOLDEN=1 swift test --filter ReportTemplateTests` writes it again; that test fails when they drift.

/// The HTML report's Mustache template, embedded so that the binary needs no file at run time.
enum ReportTemplate {
    static let text = #"""
<!DOCTYPE html>
<!-- Written by kubegrid simulate from templates/simulation-report.html.mustache. -->
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>kubegrid simulate: {{verdict}}</title>
<style>
  :root { --ok: #1a7f37; --fail: #cf222e; --ink: #1f2328; --muted: #656d76; --line: #d0d7de; --panel: #f6f8fa; }
  * { box-sizing: border-box; }
  body { margin: 0 auto; max-width: 1400px; padding: 24px 32px 48px; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; color: var(--ink); }
  h1 { font-size: 24px; margin: 0 0 4px; }
  h2 { font-size: 18px; margin: 32px 0 8px; padding-top: 16px; border-top: 1px solid var(--line); }
  .meta, .note { color: var(--muted); margin: 0 0 8px; }
  .badge { display: inline-block; padding: 1px 10px; border-radius: 12px; color: #fff; font-size: 13px; font-weight: 600; vertical-align: middle; }
  .badge.pass { background: var(--ok); } .badge.fail { background: var(--fail); }
  table { border-collapse: collapse; margin: 8px 0; }
  th, td { text-align: left; padding: 4px 12px 4px 0; border-bottom: 1px solid var(--line); vertical-align: top; }
  th { color: var(--muted); font-weight: 600; }
  td.num, th.num { text-align: right; }
  ul.reasons { margin: 8px 0; padding-left: 20px; } ul.reasons li { color: var(--fail); margin: 4px 0; }
  .legend span { display: inline-flex; align-items: center; margin-right: 16px; color: var(--muted); }
  .legend i { display: inline-block; width: 14px; height: 12px; border-radius: 2px; margin-right: 6px; }
  svg { display: block; margin: 8px 0; font-family: inherit; width: 100%; height: auto; }
  svg text { font-size: 11px; fill: var(--ink); }
  svg .node { fill: var(--panel); stroke: #8c959f; }
  svg .node.lost { stroke: var(--fail); stroke-dasharray: 4 3; }
  svg .node-name { font-weight: 600; font-size: 12px; }
  svg .small { fill: var(--muted); font-size: 10px; }
  .pod-manager, i.pod-manager { fill: #8250df; background: #8250df; }
  .pod-primary, i.pod-primary { fill: #0969da; background: #0969da; }
  .pod-backup, i.pod-backup { fill: #fff; stroke: #0969da; stroke-width: 1.5; background: #fff; outline: 1.5px solid #0969da; outline-offset: -1.5px; }
  .pod-instance, i.pod-instance { fill: #bf8700; background: #bf8700; }
  .pod-other, i.pod-other { fill: #8c959f; background: #8c959f; }
  .pod-pending, i.pod-pending { fill: #fff; stroke: var(--fail); stroke-dasharray: 3 2; background: #fff; outline: 1.5px dashed var(--fail); outline-offset: -1.5px; }
  svg .chip { font-size: 10px; font-weight: 600; fill: #fff; }
  svg .chip.dark { fill: #0969da; } svg .chip.warn { fill: var(--fail); }
  svg .axis { stroke: #8c959f; } svg .grid { stroke: #eaeef2; }
  svg .phase { fill: #eaeef2; opacity: .6; } svg .lane { fill: none; stroke: #d8dee4; }
  svg .window { fill: var(--fail); opacity: .8; } svg .window.open { opacity: .45; }
  svg .fault { stroke: var(--fail); stroke-width: 1.5; stroke-dasharray: 4 3; } svg .fault-mark { fill: var(--fail); }
  svg .healed { fill: var(--ok); }
  svg .ops-ok { fill: #2da44e; } svg .ops-fail { fill: var(--fail); }
  details { margin: 8px 0; } summary { cursor: pointer; color: var(--muted); }
  .events td { font-size: 12px; } .events td.warning { color: var(--fail); }
</style>
</head>
<body>
<header>
  <h1>kubegrid simulate <span class="badge {{verdictClass}}">{{verdict}}</span></h1>
  <p class="meta">{{clusterText}} · seed {{seed}} · {{client}} client</p>
</header>

<section>
  <h2>Scenarios</h2>
  <table>
    <tr><th>scenario</th><th>result</th><th class="num">faults</th><th class="num">writes acknowledged</th><th class="num">lost</th><th class="num">phantom</th><th class="num">most unavailable</th><th class="num">virtual time</th></tr>
    {{#scenarios}}
    <tr><td><a href="#{{anchor}}">{{name}}</a></td><td><span class="badge {{verdictClass}}">{{verdict}}</span></td><td class="num">{{faultCount}}</td><td class="num">{{acknowledged}}</td><td class="num">{{lost}}</td><td class="num">{{phantom}}</td><td class="num">{{longest}}</td><td class="num">{{duration}}</td></tr>
    {{/scenarios}}
  </table>
</section>

<section>
  <h2>Nodes and pods</h2>
  <p class="note">Where every pod runs once the manifests are deployed and settled (the state each scenario starts from).</p>
  <p class="legend"><span><i class="pod-manager"></i>manager</span><span><i class="pod-primary"></i>primary</span><span><i class="pod-backup"></i>backup</span><span><i class="pod-instance"></i>Space instance without a role</span><span><i class="pod-other"></i>other</span><span><i class="pod-pending"></i>Pending</span></p>
  <svg class="cluster" width="{{cluster.width}}" height="{{cluster.height}}" viewBox="0 0 {{cluster.width}} {{cluster.height}}" role="img" aria-label="nodes and their pods">
    {{#cluster.nodes}}
    <g transform="translate({{x}},{{y}})">
      <rect class="node" width="{{width}}" height="{{height}}" rx="6"><title>{{name}} ({{address}}){{#zone}}, {{zone}}{{/zone}}</title></rect>
      <text class="node-name" x="8" y="16">{{name}}</text><text class="small" x="{{zoneX}}" y="16" text-anchor="end">{{zone}}</text>
      {{#pods}}
      <g transform="translate({{x}},{{y}})"><rect class="pod-{{role}}" width="{{width}}" height="{{height}}" rx="3"><title>{{title}}</title></rect><text class="chip {{textClass}}" x="{{textX}}" y="{{textY}}" text-anchor="middle">{{label}}</text></g>
      {{/pods}}
    </g>
    {{/cluster.nodes}}
  </svg>
  {{#pendingText}}<p class="note">{{pendingText}}</p>{{/pendingText}}
</section>

{{#scenarios}}
<section id="{{anchor}}">
  <h2>{{name}} <span class="badge {{verdictClass}}">{{verdict}}</span></h2>
  <p>{{summary}}</p>
  {{#hasReasons}}<ul class="reasons">{{#reasons}}<li>{{.}}</li>{{/reasons}}</ul>{{/hasReasons}}
  <svg class="timeline" width="{{timeline.width}}" height="{{timeline.height}}" viewBox="0 0 {{timeline.width}} {{timeline.height}}" role="img" aria-label="timeline of {{name}}">
    <rect class="phase" x="{{timeline.left}}" y="{{timeline.top}}" width="{{timeline.deployWidth}}" height="{{timeline.plotHeight}}"/>
    {{#timeline.deployLabel}}<text class="small" x="{{timeline.deployLabelX}}" y="{{timeline.deployLabelY}}">deploy</text>{{/timeline.deployLabel}}
    {{#timeline.ticks}}<line class="grid" x1="{{x}}" x2="{{x}}" y1="{{y1}}" y2="{{y2}}"/><text class="small" x="{{x}}" y="{{labelY}}" text-anchor="middle">{{label}}</text>{{/timeline.ticks}}
    {{#timeline.lanes}}
    <rect class="lane" x="{{x}}" y="{{y}}" width="{{width}}" height="{{height}}"/><text x="{{labelX}}" y="{{labelY}}" text-anchor="end">{{label}}</text>
    {{#windows}}<rect class="window{{#open}} open{{/open}}" x="{{x}}" y="{{y}}" width="{{width}}" height="{{height}}"><title>{{title}}</title></rect>{{/windows}}
    {{#bars}}<rect class="{{kind}}" x="{{x}}" y="{{y}}" width="{{width}}" height="{{height}}"><title>{{title}}</title></rect>{{/bars}}
    {{/timeline.lanes}}
    {{#timeline.faults}}<line class="fault" x1="{{x}}" x2="{{x}}" y1="{{y1}}" y2="{{y2}}"/><path class="fault-mark" d="M{{x}} {{markY}} l5 -7 h-10 z"><title>{{title}}</title></path>{{#healed}}<circle class="healed" cx="{{healedX}}" cy="{{markY}}" r="3.5"><title>healed at {{healedAt}}</title></circle>{{/healed}}{{/timeline.faults}}
    <line class="axis" x1="{{timeline.left}}" x2="{{timeline.right}}" y1="{{timeline.axisY}}" y2="{{timeline.axisY}}"/>
    <text class="small" x="{{timeline.right}}" y="{{timeline.unitY}}" text-anchor="end">virtual seconds</text>
  </svg>
  {{#timeline.moreText}}<p class="note">{{timeline.moreText}}</p>{{/timeline.moreText}}
  {{#hasFaults}}
  <table>
    <tr><th class="num">time</th><th>fault</th><th>what happened</th><th class="num">healed after</th></tr>
    {{#faults}}<tr><td class="num">{{time}}</td><td>{{kind}}</td><td>{{message}}</td><td class="num">{{healedAfter}}</td></tr>{{/faults}}
  </table>
  {{/hasFaults}}
  <details>
    <summary>{{eventsTitle}}</summary>
    <table class="events">
      <tr><th class="num">time</th><th>object</th><th>reason</th><th>message</th></tr>
      {{#events}}<tr><td class="num">{{time}}</td><td>{{object}}</td><td class="{{typeClass}}">{{reason}}</td><td>{{message}}</td></tr>{{/events}}
    </table>
  </details>
</section>
{{/scenarios}}
</body>
</html>

"""#
}
