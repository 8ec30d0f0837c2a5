{{/*
Helpers of the insightedge-tenant chart. They mirror kubegrid's typed model
(Sources/KubeGridCore/Charts/Tenant) so that Helm renders the same objects.
*/}}

{{/* The tenant's namespace: `namespace`, else the release name. The chart makes it. */}}
{{- define "insightedge-tenant.namespace" -}}
{{- default .Release.Name .Values.namespace -}}
{{- end -}}

{{/* Labels of every object. */}}
{{- define "insightedge-tenant.labels" -}}
app.kubernetes.io/name: insightedge-tenant
app.kubernetes.io/instance: {{ .Release.Name | quote }}
{{- end -}}

{{/* metadata of a namespaced object named `<release>-SUFFIX`: (list ROOT SUFFIX). */}}
{{- define "insightedge-tenant.metadata" -}}
{{- $root := index . 0 -}}
metadata:
  name: {{ printf "%s-%s" $root.Release.Name (index . 1) | quote }}
  namespace: {{ include "insightedge-tenant.namespace" $root | quote }}
  labels:
    {{- include "insightedge-tenant.labels" $root | nindent 4 }}
{{- end -}}

{{/*
A resource quantity as a string, as kubegrid writes it: text stays as written,
whole numbers lose their fraction (Helm reads values.yaml numbers as float64).
*/}}
{{- define "insightedge-tenant.quantity" -}}
{{- if kindIs "string" . -}}
{{- quote . -}}
{{- else if and (kindIs "float64" .) (eq (floor .) .) -}}
{{- int64 . | toString | quote -}}
{{- else -}}
{{- toString . | quote -}}
{{- end -}}
{{- end -}}

{{/* A map of quantities, one `"key": "quantity"` line each, null entries left out. */}}
{{- define "insightedge-tenant.quantities" -}}
{{- range $key, $value := . }}
{{- if not (kindIs "invalid" $value) }}
{{ $key | quote }}: {{ include "insightedge-tenant.quantity" $value }}
{{- end }}
{{- end }}
{{- end -}}

{{/* Whether a map holds a quantity that is not null. */}}
{{- define "insightedge-tenant.anyQuantity" -}}
{{- range $key, $value := . }}{{ if not (kindIs "invalid" $value) }}yes{{ end }}{{ end -}}
{{- end -}}

{{/*
Puts the chart's defaults (templates/_defaults.tpl, generated from kubegrid's model)
back where a key is missing or null, as kubegrid reads an unset key as its default.
The maps of free keys are filled only when missing as a whole: a null entry in one
removes it. Takes the root context and changes its .Values in place.
*/}}
{{- define "insightedge-tenant.applyDefaults" -}}
{{- $free := include "insightedge-tenant.freeMaps" . | fromJsonArray -}}
{{- include "insightedge-tenant.fillDefaults" (list .Values (include "insightedge-tenant.defaults" . | fromJson) "" $free) -}}
{{- end -}}

{{/* (list VALUES DEFAULTS PREFIX FREE-MAPS): sets each key of DEFAULTS that VALUES lacks, group by group. */}}
{{- define "insightedge-tenant.fillDefaults" -}}
{{- $values := index . 0 -}}
{{- $prefix := index . 2 -}}
{{- $free := index . 3 -}}
{{- range $key, $default := index . 1 -}}
{{- $value := index $values $key -}}
{{- if kindIs "invalid" $value -}}
{{- $_ := set $values $key $default -}}
{{- else if and (kindIs "map" $value) (kindIs "map" $default) (not (has (printf "%s%s" $prefix $key) $free)) -}}
{{- include "insightedge-tenant.fillDefaults" (list $value $default (printf "%s%s." $prefix $key) $free) -}}
{{- end -}}
{{- end -}}
{{- end -}}
