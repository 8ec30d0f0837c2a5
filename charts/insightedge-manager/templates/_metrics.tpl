{{/*
The chart's `metrics` values, as kubegrid's MetricsObjects reads them
(Sources/KubeGridCore/Charts/Common): the scrape annotations with metrics.enabled, the
metrics port with it or serviceMonitor.enabled, 15.0's reporter addresses as env.
*/}}

{{/* Whether the container listens for scrapes. */}}
{{- define "insightedge-manager.metricsPortOpen" -}}
{{- if or .Values.metrics.enabled .Values.metrics.serviceMonitor.enabled -}}true{{- end -}}
{{- end -}}

{{/* The pod template's `annotations`, or nothing without metrics.enabled. */}}
{{- define "insightedge-manager.metricsAnnotations" -}}
{{- if .Values.metrics.enabled -}}
annotations:
  prometheus.io/scrape: "true"
  prometheus.io/port: {{ .Values.metrics.port | int64 | toString | quote }}
  prometheus.io/path: {{ .Values.metrics.path | quote }}
{{- end -}}
{{- end -}}

{{/* The metrics container port, as a list item, or nothing. */}}
{{- define "insightedge-manager.metricsPort" -}}
{{- if include "insightedge-manager.metricsPortOpen" . -}}
- name: metrics
  containerPort: {{ .Values.metrics.port | int64 }}
{{- end -}}
{{- end -}}

{{/* GigaSpaces 15.0's metrics.influxdb_ip and metrics.grafana_ip, as env list items. */}}
{{- define "insightedge-manager.metricsEnv" -}}
{{- with .Values.metrics.influxdb_ip }}
- name: METRICS_INFLUXDB_IP
  value: {{ . | quote }}
{{- end }}
{{- with .Values.metrics.grafana_ip }}
- name: METRICS_GRAFANA_IP
  value: {{ . | quote }}
{{- end }}
{{- end -}}
