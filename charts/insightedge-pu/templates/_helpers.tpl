{{/*
Helpers of the insightedge-pu chart. They mirror kubegrid's typed model
(Sources/KubeGridCore/Charts/ProcessingUnit) so that Helm renders the same objects.
Every define takes a context with .Values and .Release, so the umbrella chart can
call them with its `pu` values to check node ports across both charts.
Names are prefixed with the chart name: defines are shared by a chart and its parent.
*/}}

{{/* The chart name, fixed: inside the umbrella the chart is aliased `pu`. */}}
{{- define "insightedge-pu.chartName" -}}insightedge-pu{{- end -}}

{{/* `nameOverride` or the chart name: `trunc 63 | trimSuffix "-"`. */}}
{{- define "insightedge-pu.name" -}}
{{- $name := default (include "insightedge-pu.chartName" .) .Values.nameOverride -}}
{{- $name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/*
`fullnameOverride`; else the release when it already holds the name; else
`<release>-<name>`; then `trunc 63 | trimSuffix "-"`.
*/}}
{{- define "insightedge-pu.fullname" -}}
{{- $name := default (include "insightedge-pu.chartName" .) .Values.nameOverride -}}
{{- $full := "" -}}
{{- if .Values.fullnameOverride -}}
{{- $full = .Values.fullnameOverride -}}
{{- else if contains $name .Release.Name -}}
{{- $full = .Release.Name -}}
{{- else -}}
{{- $full = printf "%s-%s" .Release.Name $name -}}
{{- end -}}
{{- $full | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/*
The manager this Space registers with: `manager.name`, else this release's own;
`<name>-insightedge-manager` unless the name already holds `insightedge-manager`.
*/}}
{{- define "insightedge-pu.managerFullname" -}}
{{- $name := default .Release.Name .Values.manager.name -}}
{{- if contains "insightedge-manager" $name -}}
{{- $name -}}
{{- else -}}
{{- printf "%s-insightedge-manager" $name -}}
{{- end -}}
{{- end -}}

{{/* StatefulSets: one per partition, or one for a non-partitioned Space. */}}
{{- define "insightedge-pu.statefulSetCount" -}}
{{- if .Values.partitions -}}{{ .Values.partitions | int64 }}{{- else -}}1{{- end -}}
{{- end -}}

{{/* Pods of each StatefulSet: a primary and, with ha, a backup; or the instances. */}}
{{- define "insightedge-pu.replicas" -}}
{{- if .Values.partitions -}}
{{- if .Values.ha -}}2{{- else -}}1{{- end -}}
{{- else if .Values.instances -}}
{{- .Values.instances | int64 -}}
{{- else -}}1{{- end -}}
{{- end -}}

{{/* Per-instance Services: one per Space instance when lrmi is enabled. */}}
{{- define "insightedge-pu.serviceCount" -}}
{{- if .Values.service.lrmi.enabled -}}
{{- mul (include "insightedge-pu.statefulSetCount" . | int64) (include "insightedge-pu.replicas" . | int64) -}}
{{- else -}}0{{- end -}}
{{- end -}}

{{/* The name of StatefulSet `index` (from 0): `<fullname>-<partition>`, or `<fullname>`. */}}
{{- define "insightedge-pu.statefulSetName" -}}
{{- $root := index . 0 -}}
{{- $fullname := include "insightedge-pu.fullname" $root -}}
{{- if $root.Values.partitions -}}
{{- printf "%s-%d" $fullname (add1 (index . 1)) -}}
{{- else -}}
{{- $fullname -}}
{{- end -}}
{{- end -}}

{{/* The name of instance Service `index` (from 0), in creation order. */}}
{{- define "insightedge-pu.instanceServiceName" -}}
{{- $root := index . 0 -}}
{{- $replicas := include "insightedge-pu.replicas" $root | int64 -}}
{{- $set := div (index . 1) $replicas -}}
{{- printf "%s-%d-service" (include "insightedge-pu.statefulSetName" (list $root $set)) (mod (index . 1) $replicas) -}}
{{- end -}}

{{/*
The first node port of the instance Services, or nothing: `initialNodePort`, or its
deprecated spelling `InitialNodePort`; both, with different ports, is an error.
*/}}
{{- define "insightedge-pu.initialNodePort" -}}
{{- $lrmi := .Values.service.lrmi -}}
{{- $start := $lrmi.initialNodePort -}}
{{- $alias := $lrmi.InitialNodePort -}}
{{- if and $start $alias (ne ($start | int64) ($alias | int64)) -}}
{{- fail "service.lrmi.InitialNodePort: conflicts with service.lrmi.initialNodePort; set only initialNodePort" -}}
{{- end -}}
{{- with ($start | default $alias) -}}{{ . | int64 }}{{- end -}}
{{- end -}}

{{/*
The block of sequential node ports the instance Services take, as JSON
{"start", "count", "key"}, or {} when the Services open no node ports.
*/}}
{{- define "insightedge-pu.nodePortBlock" -}}
{{- $start := include "insightedge-pu.initialNodePort" . -}}
{{- $count := include "insightedge-pu.serviceCount" . | int64 -}}
{{- if and $start (ne .Values.service.type "ClusterIP") (gt $count 0) -}}
{{- toJson (dict "start" ($start | int64) "count" $count "key" "service.lrmi.initialNodePort") -}}
{{- else -}}
{}
{{- end -}}
{{- end -}}

{{/* Labels of an object or pod template: takes (list root selectorId partitionId). */}}
{{- define "insightedge-pu.labels" -}}
{{- $root := index . 0 -}}
{{- $name := include "insightedge-pu.name" $root -}}
app.kubernetes.io/name: {{ $name | quote }}
app.kubernetes.io/instance: {{ $root.Release.Name | quote }}
app.kubernetes.io/component: space
app: {{ $name | quote }}
release: {{ $root.Release.Name | quote }}
component: space
selectorId: {{ index . 1 | quote }}
{{- with index . 2 }}
partitionId: {{ . | toString | quote }}
{{- end }}
{{- end -}}

{{/*
A resource quantity as a string, as kubegrid writes it: text stays as written,
whole numbers lose their fraction (Helm reads values.yaml numbers as float64).
*/}}
{{- define "insightedge-pu.quantity" -}}
{{- if kindIs "string" . -}}
{{- quote . -}}
{{- else if and (kindIs "float64" .) (eq (floor .) .) -}}
{{- int64 . | toString | quote -}}
{{- else -}}
{{- toString . | quote -}}
{{- end -}}
{{- end -}}

{{/* The container's `resources`, or nothing when neither limits nor requests are set. */}}
{{- define "insightedge-pu.resources" -}}
{{- $limits := .limits | default dict -}}
{{- $requests := .requests | default dict -}}
{{- /* A memory request left out is the memory limit, written out as kubegrid writes it. */ -}}
{{- if and (hasKey $limits "memory") (not (hasKey $requests "memory")) -}}
{{- $requests = merge (dict "memory" $limits.memory) $requests -}}
{{- end -}}
{{- if or $limits $requests -}}
resources:
  {{- if $limits }}
  limits:
    {{- range $key, $value := $limits }}
    {{ $key | quote }}: {{ include "insightedge-pu.quantity" $value }}
    {{- end }}
  {{- end }}
  {{- if $requests }}
  requests:
    {{- range $key, $value := $requests }}
    {{ $key | quote }}: {{ include "insightedge-pu.quantity" $value }}
    {{- end }}
  {{- end }}
{{- end -}}
{{- end -}}

{{/* An httpGet probe on port 8089: takes (list field path settings). */}}
{{- define "insightedge-pu.probe" -}}
{{- $probe := index . 2 -}}
{{- if $probe.enabled -}}
{{ index . 0 }}:
  httpGet:
    path: {{ index . 1 }}
    port: 8089
  initialDelaySeconds: {{ $probe.initialDelaySeconds | int64 }}
  periodSeconds: {{ $probe.periodSeconds | int64 }}
  failureThreshold: {{ $probe.failureThreshold | int64 }}
{{- end -}}
{{- end -}}

{{/*
What kubegrid rejects and JSON Schema cannot say: the release name, the lengths of
object names, and a node-port block that runs past the range. Renders nothing.
*/}}
{{- define "insightedge-pu.checks" -}}
{{- $release := .Release.Name -}}
{{- if gt (len $release) 53 -}}
{{- fail (printf "release name %q is %d characters; Helm allows at most 53" $release (len $release)) -}}
{{- end -}}
{{- if not (regexMatch "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$" $release) -}}
{{- fail (printf "release name %q is not a DNS-1123 label; use lowercase letters, digits and '-', starting and ending with a letter or digit" $release) -}}
{{- end -}}
{{- $sets := include "insightedge-pu.statefulSetCount" . | int64 -}}
{{- $statefulSet := include "insightedge-pu.statefulSetName" (list . (sub $sets 1)) -}}
{{- if gt (len $statefulSet) 52 -}}
{{- fail (printf "StatefulSet name %q is %d characters; at most 52 fit Kubernetes' controller-revision-hash label; shorten the release name or set fullnameOverride" $statefulSet (len $statefulSet)) -}}
{{- end -}}
{{- $count := include "insightedge-pu.serviceCount" . | int64 -}}
{{- $service := printf "%s-hs" (include "insightedge-pu.fullname" .) -}}
{{- if gt $count 0 -}}
{{- $service = include "insightedge-pu.instanceServiceName" (list . (sub $count 1)) -}}
{{- end -}}
{{- if gt (len $service) 63 -}}
{{- fail (printf "Service name %q is %d characters; Kubernetes allows at most 63; shorten the release name or set fullnameOverride" $service (len $service)) -}}
{{- end -}}
{{- $block := include "insightedge-pu.nodePortBlock" . | fromJson -}}
{{- if $block -}}
{{- $start := $block.start | int64 -}}
{{- $end := sub (add $start $count) 1 -}}
{{- if gt $count 2768 -}}
{{- fail (printf "service.lrmi.initialNodePort: %d instance services need %d node ports but the range 30000-32767 holds 2768; remove initialNodePort and let Kubernetes pick the ports, or use fewer partitions" $count $count) -}}
{{- end -}}
{{- if gt $end 32767 -}}
{{- fail (printf "service.lrmi.initialNodePort: %d + %d instance services runs past 32767 (instance service %s would get %d); use at most %d" $start $count (include "insightedge-pu.instanceServiceName" (list . (sub $count 1))) $end (sub 32768 $count)) -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/*
The PodDisruptionBudget apiVersion the target Kubernetes serves (helm template
--kube-version): policy/v1 from 1.21, policy/v1beta1 before, as kubegrid's
ServedAPIVersions picks it. Takes the root context.
*/}}
{{- define "insightedge-pu.podDisruptionBudgetAPIVersion" -}}
{{- $kube := .Capabilities.KubeVersion -}}
{{- if or (gt (atoi $kube.Major) 1) (ge (atoi $kube.Minor) 21) -}}policy/v1{{- else -}}policy/v1beta1{{- end -}}
{{- end -}}

{{/*
Puts the chart's defaults (templates/_defaults.tpl, generated from kubegrid's model)
back where a key is missing or null. Helm drops a key a user sets to null; kubegrid
reads an unset key as its default, and so do the templates after this. The maps of
free keys are filled only when missing as a whole: a null entry in one removes it.
Takes the root context and changes its .Values in place (twice changes nothing).
*/}}
{{- define "insightedge-pu.applyDefaults" -}}
{{- $free := include "insightedge-pu.freeMaps" . | fromJsonArray -}}
{{- include "insightedge-pu.fillDefaults" (list .Values (include "insightedge-pu.defaults" . | fromJson) "" $free) -}}
{{- end -}}

{{/* (list VALUES DEFAULTS PREFIX FREE-MAPS): sets each key of DEFAULTS that VALUES lacks, group by group. */}}
{{- define "insightedge-pu.fillDefaults" -}}
{{- $values := index . 0 -}}
{{- $prefix := index . 2 -}}
{{- $free := index . 3 -}}
{{- range $key, $default := index . 1 -}}
{{- $value := index $values $key -}}
{{- if kindIs "invalid" $value -}}
{{- $_ := set $values $key $default -}}
{{- else if and (kindIs "map" $value) (kindIs "map" $default) (not (has (printf "%s%s" $prefix $key) $free)) -}}
{{- include "insightedge-pu.fillDefaults" (list $value $default (printf "%s%s." $prefix $key) $free) -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/*
The keys of GigaSpaces' own 14.5-16.x chart that kubegrid reads another way, put into
kubegrid's keys as kubegrid's LegacyKeys table says (Sources/KubeGridCore/Charts/Legacy):
service.port is service.lrmi.port, enableExternalClient=true is service.lrmi.enabled,
15.2's nodeSelector {enabled, selector} is the selector's labels. An old key given wins.
Run after applyDefaults; takes the root context and changes its .Values in place.
*/}}
{{- define "insightedge-pu.applyLegacyKeys" -}}
{{- $values := .Values -}}
{{- $defaults := include "insightedge-pu.defaults" . | fromJson -}}
{{- $service := $values.service -}}
{{- if not (kindIs "invalid" $service.port) -}}
{{- include "insightedge-pu.setFromLegacy" (list $service.lrmi "port" $service.port $defaults.service.lrmi.port "service.port" "service.lrmi.port") -}}
{{- end -}}
{{- if eq $values.enableExternalClient true -}}
{{- include "insightedge-pu.setFromLegacy" (list $service.lrmi "enabled" true $defaults.service.lrmi.enabled "enableExternalClient" "service.lrmi.enabled") -}}
{{- end -}}
{{- include "insightedge-pu.applyLegacyNodeSelector" $values -}}
{{- end -}}

{{/*
(list MAP KEY VALUE DEFAULT OLD-KEY NEW-KEY): sets MAP.KEY to an old key's VALUE. The
current key holding neither its DEFAULT nor VALUE was set apart from the old one: that
is a conflict, as kubegrid's LegacyValues says.
*/}}
{{- define "insightedge-pu.setFromLegacy" -}}
{{- $map := index . 0 -}}
{{- $current := index $map (index . 1) -}}
{{- if and (not (kindIs "invalid" $current)) (ne (toJson $current) (toJson (index . 3))) (ne (toJson $current) (toJson (index . 2))) -}}
{{- fail (printf "%s: conflicts with %s (%s); set only %s" (index . 4) (index . 5) (toJson $current) (index . 5)) -}}
{{- end -}}
{{- $_ := set $map (index . 1) (index . 2) -}}
{{- end -}}

{{/* 15.2's nodeSelector {enabled, selector}; the selector a map or `label=value,...`. Takes .Values. */}}
{{- define "insightedge-pu.applyLegacyNodeSelector" -}}
{{- $form := .nodeSelector -}}
{{- if and (kindIs "map" $form) (kindIs "bool" $form.enabled) -}}
{{- $labels := dict -}}
{{- if eq $form.enabled true -}}
{{- if kindIs "map" $form.selector -}}
{{- $labels = $form.selector -}}
{{- else if kindIs "string" $form.selector -}}
{{- range $pair := splitList "," $form.selector -}}
{{- $parts := splitn "=" 2 $pair -}}
{{- $_ := set $labels (trim $parts._0) (trim (default "" $parts._1)) -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- $_ := set . "nodeSelector" $labels -}}
{{- else if and (kindIs "map" $form) (hasKey $form "selector") -}}
{{- /* A selector without enabled=true selected nothing. */ -}}
{{- $_ := unset $form "selector" -}}
{{- end -}}
{{- end -}}
