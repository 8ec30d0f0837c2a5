{{/*
Helpers of the insightedge-zeppelin chart. They mirror kubegrid's typed model
(Sources/KubeGridCore/Charts/Zeppelin) so that Helm renders the same objects.
Names are prefixed with the chart name: defines are shared by a chart and its parent.
*/}}

{{/* The chart name, fixed: inside the umbrella the chart is aliased `zeppelin`. */}}
{{- define "insightedge-zeppelin.chartName" -}}insightedge-zeppelin{{- end -}}

{{/* `nameOverride` or the chart name: `trunc 63 | trimSuffix "-"`. */}}
{{- define "insightedge-zeppelin.name" -}}
{{- $name := default (include "insightedge-zeppelin.chartName" .) .Values.nameOverride -}}
{{- $name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/*
`fullnameOverride`; else the release when it already holds the name; else
`<release>-<name>`; then `trunc 63 | trimSuffix "-"`.
*/}}
{{- define "insightedge-zeppelin.fullname" -}}
{{- $name := default (include "insightedge-zeppelin.chartName" .) .Values.nameOverride -}}
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

{{/* Labels of every object and pod template. */}}
{{- define "insightedge-zeppelin.labels" -}}
{{- $name := include "insightedge-zeppelin.name" . -}}
app.kubernetes.io/name: {{ $name | quote }}
app.kubernetes.io/instance: {{ .Release.Name | quote }}
app.kubernetes.io/component: zeppelin
app: {{ $name | quote }}
release: {{ .Release.Name | quote }}
component: zeppelin
selectorId: {{ include "insightedge-zeppelin.fullname" . | quote }}
{{- end -}}

{{/* `repository@digest`, else `repository:tag`. */}}
{{- define "insightedge-zeppelin.image" -}}
{{- if .Values.image.digest -}}
{{- printf "%s@%s" .Values.image.repository .Values.image.digest -}}
{{- else -}}
{{- printf "%s:%s" .Values.image.repository .Values.image.tag -}}
{{- end -}}
{{- end -}}

{{/*
The manager the interpreter finds the Space through, as the pu chart derives it:
`manager.name`, else this release's own; `<name>-insightedge-manager` unless the
name already holds `insightedge-manager`.
*/}}
{{- define "insightedge-zeppelin.managerFullname" -}}
{{- $name := default .Release.Name .Values.manager.name -}}
{{- if contains "insightedge-manager" $name -}}
{{- $name -}}
{{- else -}}
{{- printf "%s-insightedge-manager" $name -}}
{{- end -}}
{{- end -}}

{{/*
A resource quantity as a string, as kubegrid writes it: text stays as written,
whole numbers lose their fraction (Helm reads values.yaml numbers as float64).
*/}}
{{- define "insightedge-zeppelin.quantity" -}}
{{- if kindIs "string" . -}}
{{- quote . -}}
{{- else if and (kindIs "float64" .) (eq (floor .) .) -}}
{{- int64 . | toString | quote -}}
{{- else -}}
{{- toString . | quote -}}
{{- end -}}
{{- end -}}

{{/* The container's `resources`, or nothing when neither limits nor requests are set. */}}
{{- define "insightedge-zeppelin.resources" -}}
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
    {{ $key | quote }}: {{ include "insightedge-zeppelin.quantity" $value }}
    {{- end }}
  {{- end }}
  {{- if $requests }}
  requests:
    {{- range $key, $value := $requests }}
    {{ $key | quote }}: {{ include "insightedge-zeppelin.quantity" $value }}
    {{- end }}
  {{- end }}
{{- end -}}
{{- end -}}

{{/* An httpGet probe on Zeppelin's version endpoint, or nothing when it is disabled. */}}
{{- define "insightedge-zeppelin.probe" -}}
{{- $probe := index . 1 -}}
{{- if $probe.enabled -}}
{{ index . 0 }}:
  httpGet:
    path: /api/version
    port: api
  initialDelaySeconds: {{ $probe.initialDelaySeconds | int64 }}
  periodSeconds: {{ $probe.periodSeconds | int64 }}
  failureThreshold: {{ $probe.failureThreshold | int64 }}
{{- end -}}
{{- end -}}

{{/*
What kubegrid rejects and JSON Schema cannot say: the release name and the lengths
of object names. Renders nothing.
*/}}
{{- define "insightedge-zeppelin.checks" -}}
{{- $release := .Release.Name -}}
{{- if gt (len $release) 53 -}}
{{- fail (printf "release name %q is %d characters; Helm allows at most 53" $release (len $release)) -}}
{{- end -}}
{{- if not (regexMatch "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$" $release) -}}
{{- fail (printf "release name %q is not a DNS-1123 label; use lowercase letters, digits and '-', starting and ending with a letter or digit" $release) -}}
{{- end -}}
{{- $fullname := include "insightedge-zeppelin.fullname" . -}}
{{- if gt (len $fullname) 52 -}}
{{- fail (printf "StatefulSet name %q is %d characters; at most 52 fit Kubernetes' controller-revision-hash label; shorten the release name or set fullnameOverride" $fullname (len $fullname)) -}}
{{- end -}}
{{- $service := printf "%s-service" $fullname -}}
{{- if gt (len $service) 63 -}}
{{- fail (printf "Service name %q is %d characters; Kubernetes allows at most 63; shorten the release name or set fullnameOverride" $service (len $service)) -}}
{{- end -}}
{{- end -}}

{{/*
Puts the chart's defaults (templates/_defaults.tpl, generated from kubegrid's model)
back where a key is missing or null, as kubegrid reads an unset key as its default.
The maps of free keys are filled only when missing as a whole: a null entry in one
removes it. Takes the root context and changes its .Values in place.
*/}}
{{- define "insightedge-zeppelin.applyDefaults" -}}
{{- $free := include "insightedge-zeppelin.freeMaps" . | fromJsonArray -}}
{{- include "insightedge-zeppelin.fillDefaults" (list .Values (include "insightedge-zeppelin.defaults" . | fromJson) "" $free) -}}
{{- end -}}

{{/* (list VALUES DEFAULTS PREFIX FREE-MAPS): sets each key of DEFAULTS that VALUES lacks, group by group. */}}
{{- define "insightedge-zeppelin.fillDefaults" -}}
{{- $values := index . 0 -}}
{{- $prefix := index . 2 -}}
{{- $free := index . 3 -}}
{{- range $key, $default := index . 1 -}}
{{- $value := index $values $key -}}
{{- if kindIs "invalid" $value -}}
{{- $_ := set $values $key $default -}}
{{- else if and (kindIs "map" $value) (kindIs "map" $default) (not (has (printf "%s%s" $prefix $key) $free)) -}}
{{- include "insightedge-zeppelin.fillDefaults" (list $value $default (printf "%s%s." $prefix $key) $free) -}}
{{- end -}}
{{- end -}}
{{- end -}}
