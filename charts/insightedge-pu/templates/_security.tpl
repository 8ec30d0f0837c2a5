{{/*
Security settings, as kubegrid builds them (Sources/KubeGridCore/Charts/Security):
ServiceAccount, security contexts meeting the Pod Security Standards `restricted`
profile, the license Secret, image pull secrets and the image reference.
*/}}

{{/* The image: `repository@digest` when a digest pins it, else `repository:tag`. */}}
{{- define "insightedge-pu.image" -}}
{{- if .Values.image.digest -}}
{{- printf "%s@%s" .Values.image.repository .Values.image.digest -}}
{{- else -}}
{{- printf "%s:%s" .Values.image.repository .Values.image.tag -}}
{{- end -}}
{{- end -}}

{{/* `serviceAccount.name`; else the full name when created; else `default`. */}}
{{- define "insightedge-pu.serviceAccountName" -}}
{{- if .Values.serviceAccount.name -}}
{{- .Values.serviceAccount.name -}}
{{- else if .Values.serviceAccount.create -}}
{{- include "insightedge-pu.fullname" . -}}
{{- else -}}
default
{{- end -}}
{{- end -}}

{{/* The Secret the license is read from: `licenseSecret.existingSecret`, else the release's own. */}}
{{- define "insightedge-pu.licenseSecretName" -}}
{{- .Values.licenseSecret.existingSecret | default (printf "%s-license" (include "insightedge-pu.fullname" .)) -}}
{{- end -}}

{{/* The env entry GS_LICENSE, read from the Secret. */}}
{{- define "insightedge-pu.licenseEnv" -}}
- name: GS_LICENSE
  valueFrom:
    secretKeyRef:
      name: {{ include "insightedge-pu.licenseSecretName" . | quote }}
      key: {{ .Values.licenseSecret.key | quote }}
{{- end -}}

{{/* The directories the image writes, on emptyDir volumes when the root filesystem is read-only. */}}
{{- define "insightedge-pu.writableDirectories" -}}
[{"name": "tmp", "path": "/tmp"}, {"name": "gs-work", "path": "/opt/gigaspaces/work"}, {"name": "gs-logs", "path": "/opt/gigaspaces/logs"}]
{{- end -}}

{{/* The volumeMounts entries of the writable directories, when the root filesystem is read-only. */}}
{{- define "insightedge-pu.writableMounts" -}}
{{- if .Values.securityContext.readOnlyRootFilesystem -}}
{{- range include "insightedge-pu.writableDirectories" . | fromJsonArray }}
- name: {{ .name }}
  mountPath: {{ .path }}
{{- end }}
{{- end -}}
{{- end -}}

{{/* A container's securityContext: no privilege escalation, every capability dropped. */}}
{{- define "insightedge-pu.containerSecurityContext" -}}
{{- $context := .Values.securityContext -}}
{{- if $context.enabled -}}
securityContext:
  allowPrivilegeEscalation: false
  capabilities:
    drop:
    - ALL
  readOnlyRootFilesystem: {{ $context.readOnlyRootFilesystem }}
{{- end -}}
{{- end -}}

{{/* The pod's volumes, token mount, pull secrets, securityContext and account: takes (list root automount). */}}
{{- define "insightedge-pu.podSecurity" -}}
{{- $root := index . 0 -}}
{{- $context := $root.Values.securityContext -}}
{{- if $context.readOnlyRootFilesystem }}
volumes:
{{- range include "insightedge-pu.writableDirectories" $root | fromJsonArray }}
- name: {{ .name }}
  emptyDir: {}
{{- end }}
{{- end }}
automountServiceAccountToken: {{ index . 1 }}
{{- with $root.Values.imagePullSecrets }}
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
serviceAccountName: {{ include "insightedge-pu.serviceAccountName" $root | quote }}
{{- end -}}

{{/* The ports of the grid's own traffic: LRMI (replication, the manager) and the REST port 8089. */}}
{{- define "insightedge-pu.gridPorts" -}}
["lrmi", 8089]
{{- end -}}

{{/* Clients reach a Space instance by LRMI; Prometheus scrapes its metrics port as a client. */}}
{{- define "insightedge-pu.clientPorts" -}}
{{- if include "insightedge-pu.metricsPortOpen" . -}}["lrmi", "metrics"]{{- else -}}["lrmi"]{{- end -}}
{{- end -}}

{{/* Cluster-wide, so the namespace keeps two releases of one name apart. */}}
{{- define "insightedge-pu.clusterRoleName" -}}
{{- printf "%s-%s-nodes" .Release.Namespace (include "insightedge-pu.fullname" .) -}}
{{- end -}}
