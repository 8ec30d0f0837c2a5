{{/*
Helpers of the insightedge-spark chart. They mirror kubegrid's typed model
(Sources/KubeGridCore/Charts/Spark) so that Helm renders the same objects.
*/}}

{{/* `nameOverride` or the chart name: `trunc 63 | trimSuffix "-"`. */}}
{{- define "insightedge-spark.name" -}}
{{- default "insightedge-spark" .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/*
`fullnameOverride`; else the release when it already holds the name; else
`<release>-<name>`; then `trunc 63 | trimSuffix "-"`.
*/}}
{{- define "insightedge-spark.fullname" -}}
{{- $name := default "insightedge-spark" .Values.nameOverride -}}
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

{{/* Labels of every object; the executors get them too. */}}
{{- define "insightedge-spark.labels" -}}
app.kubernetes.io/name: {{ include "insightedge-spark.name" . | quote }}
app.kubernetes.io/instance: {{ .Release.Name | quote }}
{{- end -}}

{{/* metadata of a namespaced object named NAME: (list ROOT NAME). */}}
{{- define "insightedge-spark.metadata" -}}
{{- $root := index . 0 -}}
metadata:
  name: {{ index . 1 | quote }}
  namespace: {{ $root.Release.Namespace | quote }}
  labels:
    {{- include "insightedge-spark.labels" $root | nindent 4 }}
{{- end -}}

{{/* The image: `repository@digest` when a digest pins it, else `repository:tag`. */}}
{{- define "insightedge-spark.image" -}}
{{- if .Values.image.digest -}}
{{- printf "%s@%s" .Values.image.repository .Values.image.digest -}}
{{- else -}}
{{- printf "%s:%s" .Values.image.repository .Values.image.tag -}}
{{- end -}}
{{- end -}}

{{/* `serviceAccount.name`; else the full name when created; else `default`. */}}
{{- define "insightedge-spark.serviceAccountName" -}}
{{- if .Values.serviceAccount.name -}}
{{- .Values.serviceAccount.name -}}
{{- else if .Values.serviceAccount.create -}}
{{- include "insightedge-spark.fullname" . -}}
{{- else -}}
default
{{- end -}}
{{- end -}}

{{/* The application's name: `application.name`, else the full name. */}}
{{- define "insightedge-spark.appName" -}}
{{- default (include "insightedge-spark.fullname" .) .Values.application.name -}}
{{- end -}}

{{/*
The `spark-app-name` label Spark derives from the name: lower case, every other
character than a-z, 0-9 and - made -, runs of - made one, 63 characters, no - at the ends.
*/}}
{{- define "insightedge-spark.appNameLabel" -}}
{{- $name := include "insightedge-spark.appName" . | trim | lower -}}
{{- regexReplaceAll "-+" (regexReplaceAll "[^a-z0-9-]" $name "-") "-" | trunc 63 | trimAll "-" -}}
{{- end -}}

{{/* The grid's manager: `space.manager`, else the release; `<name>-insightedge-manager` unless it holds that. */}}
{{- define "insightedge-spark.managerFullname" -}}
{{- $name := default .Release.Name .Values.space.manager -}}
{{- if contains "insightedge-manager" $name -}}
{{- $name -}}
{{- else -}}
{{- printf "%s-insightedge-manager" $name -}}
{{- end -}}
{{- end -}}

{{/* `space.name`, else the umbrella's Space of the manager's release (the pu chart's full name there). */}}
{{- define "insightedge-spark.spaceName" -}}
{{- if .Values.space.name -}}
{{- .Values.space.name -}}
{{- else -}}
{{- $release := default .Release.Name .Values.space.manager -}}
{{- $full := $release -}}
{{- if not (contains "insightedge-pu" $release) -}}
{{- $full = printf "%s-insightedge-pu" $release -}}
{{- end -}}
{{- $full | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{/* The rules JSON Schema cannot say (SparkValues.ruleDiagnostics), as Helm errors. */}}
{{- define "insightedge-spark.checks" -}}
{{- $allocation := .Values.dynamicAllocation -}}
{{- if and $allocation.enabled (gt (int $allocation.minExecutors) (int $allocation.maxExecutors)) -}}
{{- fail (printf "dynamicAllocation.minExecutors: minExecutors (%d) is more than maxExecutors (%d); raise dynamicAllocation.maxExecutors or lower minExecutors" (int $allocation.minExecutors) (int $allocation.maxExecutors)) -}}
{{- end -}}
{{- $full := include "insightedge-spark.fullname" . -}}
{{- if gt (len $full) 47 -}}
{{- fail (printf "fullnameOverride: executor pods are named \"%s-exec-<id>\": the prefix is %d characters and Spark allows at most 47; shorten the release name or set fullnameOverride" $full (len $full)) -}}
{{- end -}}
{{- end -}}

{{/*
A resource quantity as a string, as kubegrid writes it: text stays as written,
whole numbers lose their fraction (Helm reads values.yaml numbers as float64).
*/}}
{{- define "insightedge-spark.quantity" -}}
{{- if kindIs "string" . -}}
{{- quote . -}}
{{- else if and (kindIs "float64" .) (eq (floor .) .) -}}
{{- int64 . | toString | quote -}}
{{- else -}}
{{- toString . | quote -}}
{{- end -}}
{{- end -}}

{{/* The container's `resources`; a memory request left out is the memory limit. */}}
{{- define "insightedge-spark.resources" -}}
{{- $limits := .limits | default dict -}}
{{- $requests := .requests | default dict -}}
{{- if and (hasKey $limits "memory") (not (hasKey $requests "memory")) -}}
{{- $requests = merge (dict "memory" $limits.memory) $requests -}}
{{- end -}}
{{- if or $limits $requests -}}
resources:
  {{- if $limits }}
  limits:
    {{- range $key, $value := $limits }}
    {{- if not (kindIs "invalid" $value) }}
    {{ $key | quote }}: {{ include "insightedge-spark.quantity" $value }}
    {{- end }}
    {{- end }}
  {{- end }}
  {{- if $requests }}
  requests:
    {{- range $key, $value := $requests }}
    {{- if not (kindIs "invalid" $value) }}
    {{ $key | quote }}: {{ include "insightedge-spark.quantity" $value }}
    {{- end }}
    {{- end }}
  {{- end }}
{{- end -}}
{{- end -}}

{{/* The directories the image writes, on emptyDir volumes when the root filesystem is read-only. */}}
{{- define "insightedge-spark.writableDirectories" -}}
[{"name": "tmp", "path": "/tmp"}, {"name": "gs-work", "path": "/opt/gigaspaces/work"}, {"name": "gs-logs", "path": "/opt/gigaspaces/logs"}]
{{- end -}}

{{/*
Puts the chart's defaults (templates/_defaults.tpl, generated from kubegrid's model)
back where a key is missing or null, as kubegrid reads an unset key as its default.
The maps of free keys are filled only when missing as a whole: a null entry in one
removes it. Takes the root context and changes its .Values in place.
*/}}
{{- define "insightedge-spark.applyDefaults" -}}
{{- $free := include "insightedge-spark.freeMaps" . | fromJsonArray -}}
{{- include "insightedge-spark.fillDefaults" (list .Values (include "insightedge-spark.defaults" . | fromJson) "" $free) -}}
{{- end -}}

{{/* (list VALUES DEFAULTS PREFIX FREE-MAPS): sets each key of DEFAULTS that VALUES lacks, group by group. */}}
{{- define "insightedge-spark.fillDefaults" -}}
{{- $values := index . 0 -}}
{{- $prefix := index . 2 -}}
{{- $free := index . 3 -}}
{{- range $key, $default := index . 1 -}}
{{- $value := index $values $key -}}
{{- if kindIs "invalid" $value -}}
{{- $_ := set $values $key $default -}}
{{- else if and (kindIs "map" $value) (kindIs "map" $default) (not (has (printf "%s%s" $prefix $key) $free)) -}}
{{- include "insightedge-spark.fillDefaults" (list $value $default (printf "%s%s." $prefix $key) $free) -}}
{{- end -}}
{{- end -}}
{{- end -}}
