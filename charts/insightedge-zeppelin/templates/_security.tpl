{{/*
The notebook pod's security settings, as kubegrid's SecurityObjects writes them for
the grid charts (Sources/KubeGridCore/Charts/Security): Pod Security Standards
`restricted` contexts, emptyDir volumes for the directories the image writes when the
root filesystem is read-only, image pull Secrets, and no service account token.
*/}}

{{/* The directories the image writes, as kubegrid's SecurityObjects lists them. */}}
{{- define "insightedge-zeppelin.writableDirectories" -}}
[{"name": "tmp", "path": "/tmp"}, {"name": "gs-work", "path": "/opt/gigaspaces/work"}, {"name": "gs-logs", "path": "/opt/gigaspaces/logs"}]
{{- end -}}

{{/* The container's volumeMounts and securityContext. */}}
{{- define "insightedge-zeppelin.containerSecurity" -}}
{{- $context := .Values.securityContext -}}
{{- if $context.readOnlyRootFilesystem }}
volumeMounts:
{{- range include "insightedge-zeppelin.writableDirectories" . | fromJsonArray }}
- name: {{ .name }}
  mountPath: {{ .path }}
{{- end }}
{{- end }}
{{- if $context.enabled }}
securityContext:
  allowPrivilegeEscalation: false
  capabilities:
    drop:
    - ALL
  readOnlyRootFilesystem: {{ $context.readOnlyRootFilesystem }}
{{- end }}
{{- end -}}

{{/* The pod's volumes, token mount, pull secrets and securityContext. */}}
{{- define "insightedge-zeppelin.podSecurity" -}}
{{- $context := .Values.securityContext -}}
{{- if $context.readOnlyRootFilesystem }}
volumes:
{{- range include "insightedge-zeppelin.writableDirectories" . | fromJsonArray }}
- name: {{ .name }}
  emptyDir: {}
{{- end }}
{{- end }}
automountServiceAccountToken: false
{{- with .Values.imagePullSecrets }}
imagePullSecrets:
{{- range . }}
- name: {{ . | quote }}
{{- end }}
{{- end }}
{{- if $context.enabled }}
securityContext:
  {{- if $context.setIds }}
  fsGroup: {{ $context.fsGroup | int64 }}
  runAsGroup: {{ $context.runAsGroup | int64 }}
  {{- end }}
  runAsNonRoot: true
  {{- if $context.setIds }}
  runAsUser: {{ $context.runAsUser | int64 }}
  {{- end }}
  seccompProfile:
    type: RuntimeDefault
{{- end }}
{{- end -}}
