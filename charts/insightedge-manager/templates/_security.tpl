{{/*
Security settings, as kubegrid builds them (Sources/KubeGridCore/Charts/Security):
ServiceAccount, security contexts meeting the Pod Security Standards `restricted`
profile, the license Secret, image pull secrets and the image reference.
*/}}

{{/* The image: `repository@digest` when a digest pins it, else `repository:tag`. */}}
{{- define "insightedge-manager.image" -}}
{{- if .Values.image.digest -}}
{{- printf "%s@%s" .Values.image.repository .Values.image.digest -}}
{{- else -}}
{{- printf "%s:%s" .Values.image.repository .Values.image.tag -}}
{{- end -}}
{{- end -}}

{{/* `serviceAccount.name`; else the full name when created; else `default`. */}}
{{- define "insightedge-manager.serviceAccountName" -}}
{{- if .Values.serviceAccount.name -}}
{{- .Values.serviceAccount.name -}}
{{- else if .Values.serviceAccount.create -}}
{{- include "insightedge-manager.fullname" . -}}
{{- else -}}
default
{{- end -}}
{{- end -}}

{{/* The Secret the license is read from: `licenseSecret.existingSecret`, else the release's own. */}}
{{- define "insightedge-manager.licenseSecretName" -}}
{{- .Values.licenseSecret.existingSecret | default (printf "%s-license" (include "insightedge-manager.fullname" .)) -}}
{{- end -}}

{{/* The env entry GS_LICENSE, read from the Secret. */}}
{{- define "insightedge-manager.licenseEnv" -}}
- name: GS_LICENSE
  valueFrom:
    secretKeyRef:
      name: {{ include "insightedge-manager.licenseSecretName" . | quote }}
      key: {{ .Values.licenseSecret.key | quote }}
{{- end -}}

{{/* The directories the image writes, on emptyDir volumes when the root filesystem is read-only. */}}
{{- define "insightedge-manager.writableDirectories" -}}
[{"name": "tmp", "path": "/tmp"}, {"name": "gs-work", "path": "/opt/gigaspaces/work"}, {"name": "gs-logs", "path": "/opt/gigaspaces/logs"}]
{{- end -}}

{{/* The volumeMounts entries of the writable directories, when the root filesystem is read-only. */}}
{{- define "insightedge-manager.writableMounts" -}}
{{- if .Values.securityContext.readOnlyRootFilesystem -}}
{{- range include "insightedge-manager.writableDirectories" . | fromJsonArray }}
- name: {{ .name }}
  mountPath: {{ .path }}
{{- end }}
{{- end -}}
{{- end -}}

{{/* A container's securityContext: no privilege escalation, every capability dropped. */}}
{{- define "insightedge-manager.containerSecurityContext" -}}
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
{{- define "insightedge-manager.podSecurity" -}}
{{- $root := index . 0 -}}
{{- $context := $root.Values.securityContext -}}
{{- if $context.readOnlyRootFilesystem }}
volumes:
{{- range include "insightedge-manager.writableDirectories" $root | fromJsonArray }}
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
serviceAccountName: {{ include "insightedge-manager.serviceAccountName" $root | quote }}
{{- end -}}

{{/* The ports of the grid's own traffic: ZooKeeper, the LUS, the REST API and LRMI. */}}
{{- define "insightedge-manager.gridPorts" -}}
["zk-client", "zk-server", "zk-leader-election", "lus", "api", "lrmi"]
{{- end -}}

{{/*
The client ports the Service exposes: api, and lus and lrmi when enabled; and the
metrics port, which Prometheus scrapes as a client.
*/}}
{{- define "insightedge-manager.clientPorts" -}}
{{- $ports := list "api" -}}
{{- if .Values.service.lus.enabled -}}{{- $ports = append $ports "lus" -}}{{- end -}}
{{- if .Values.service.lrmi.enabled -}}{{- $ports = append $ports "lrmi" -}}{{- end -}}
{{- if include "insightedge-manager.metricsPortOpen" . -}}{{- $ports = append $ports "metrics" -}}{{- end -}}
{{- toJson $ports -}}
{{- end -}}
